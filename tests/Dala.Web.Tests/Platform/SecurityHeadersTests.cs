using System.Net;
using System.Text.RegularExpressions;
using Dala.Registry.Progress;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests.Platform;

/// <summary>Every answer (page, API, problem, static file) carries the security headers; the UI has no inline script.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityHeadersTests(PlatformData data)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/regions")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/settlements?pageSize=0")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        await using var app = await data.StartAsync();
        var r = await app.Client.GetAsync(url);
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Contains("ws://localhost", directives["connect-src"]);
        Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(r.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(r.Headers.GetValues("Referrer-Policy")));
        Assert.False(r.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = DalaWeb.Build(builder, new DalaWebSettings(data.Store, PlatformData.Clock, Target.Defaults));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var r = await http.GetAsync("/api/dataset");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Empty(r.Headers.Server);
        Assert.True(r.Headers.Contains("Content-Security-Policy"));
    }

    /// <summary>The page and its modules carry no inline script and no inline event handler, which the policy would block.</summary>
    [Fact]
    public void The_ui_has_no_inline_script_or_event_handlers()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.GetFiles(root, "*.html").Concat(Directory.GetFiles(root, "*.js")).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(Regex.IsMatch(text, @"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase), $"{file}: inline <script>");
            Assert.False(Regex.IsMatch(text, @"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase), $"{file}: inline event handler");
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
