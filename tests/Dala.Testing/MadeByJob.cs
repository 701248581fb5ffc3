using System.Net;

namespace Dala.Testing;

/// <summary>
/// Reading what the server makes as a background job (a fibre plan): the same URL answers 202 with the job's progress
/// until the job is done, then the answer itself. Waits as long as the job takes (up to 10 minutes, not a timing assert).
/// </summary>
public static class MadeByJob
{
    /// <summary>The first answer that is not 202, after asking again as often as the server says.</summary>
    public static async Task<HttpResponseMessage> GetMadeAsync(this HttpClient client, string url)
    {
        var until = DateTime.UtcNow.AddMinutes(10);
        for (;;)
        {
            var r = await client.GetAsync(url);
            if (r.StatusCode != HttpStatusCode.Accepted) return r;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{url} was still being made after 10 minutes");
            r.Dispose();
            await Task.Delay(100);
        }
    }

    /// <summary>The body of the answer once made; throws when it is not a success.</summary>
    public static async Task<string> GetMadeStringAsync(this HttpClient client, string url)
    {
        using var r = await client.GetMadeAsync(url);
        r.EnsureSuccessStatusCode();
        return await r.Content.ReadAsStringAsync();
    }
}
