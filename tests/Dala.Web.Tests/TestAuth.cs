using Dala.Platform.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Tests;

/// <summary>Signs a test client in: a key of the role (admin by default) created in the app's account store, sent with every request.</summary>
public static class TestAuth
{
    public static HttpClient As(this HttpClient client, WebApplication app, Role role = Role.Admin, string? operatorId = null)
    {
        var (_, secret) = app.Services.GetRequiredService<AccountDesk>().CreateKey($"test-{role.WireName()}", role, operatorId);
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }
}
