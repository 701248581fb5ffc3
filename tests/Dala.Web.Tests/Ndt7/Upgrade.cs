using System.Net.Http.Headers;

namespace Dala.Web.Tests.Ndt7;

/// <summary>A hand-made WebSocket upgrade request over HttpClient, to see a refusal's status, headers and body.</summary>
public static class Upgrade
{
    private static readonly HttpClient Client = new();

    public static async Task<HttpResponseMessage> SendAsync(Uri server, string pathAndQuery, string? subprotocol = "net.measurementlab.ndt.v7", bool upgrade = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, pathAndQuery));
        if (upgrade)
        {
            request.Headers.Connection.Add("Upgrade");
            request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
            request.Headers.Add("Sec-WebSocket-Version", "13");
            request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        }
        if (subprotocol is not null) request.Headers.Add("Sec-WebSocket-Protocol", subprotocol);
        return await Client.SendAsync(request);
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"status\":{status}", body, StringComparison.Ordinal);
    }
}
