using Dala.Platform;
using Dala.Platform.Accounts;
using Dala.Platform.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Dala.Web.Auth;

/// <summary>
/// Accounts, sessions, the access table's middleware and the audit log, in two calls: services.AddDalaAuth(settings)
/// and app.UseDalaAuth() (after the static files: the UI's files are public). A host that gives no account store gets an
/// empty one in memory: every write is refused until keys exist.
/// </summary>
public static class AuthSetup
{
    public static IServiceCollection AddDalaAuth(this IServiceCollection services, DalaWebSettings settings)
    {
        services.AddSingleton(new AccountDesk(settings.Accounts ?? new InMemoryAccountStore(), settings.Clock));
        services.AddSingleton(new Auditor(settings.Audit ?? new InMemoryAuditLog(), settings.Clock));
        services.AddSingleton(new Sessions(settings.Clock));
        services.AddSingleton<Credentials>();
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer(SecuritySchemes.Document).AddOperationTransformer(SecuritySchemes.Operation));
        return services;
    }

    public static WebApplication UseDalaAuth(this WebApplication app)
    {
        // No UseRouting here: the host routes first (WebApplication's implicit routing), so that this middleware and the
        // request-timeout middleware before it both see the endpoint.
        app.UseMiddleware<AuthMiddleware>();
        app.MapAuthApi();
        app.MapAdminApi();
        return app;
    }
}

/// <summary>The OpenAPI document declares the three ways to authenticate, and each operation that needs a role requires one of them.</summary>
public static class SecuritySchemes
{
    public const string Bearer = "bearer", ApiKeyHeader = "apiKey", Cookie = "cookie";

    public static Task Document(OpenApiDocument doc, OpenApiDocumentTransformerContext _, CancellationToken __)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "An API key (dala keys create): Authorization: Bearer dala_...",
            },
            [ApiKeyHeader] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Credentials.KeyHeader, Description = "The same API key in X-Api-Key",
            },
            [Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Sessions.Cookie,
                Description = $"The browser session (POST /api/auth/login); writes also need the {Sessions.CsrfHeader} header from /api/auth/me",
            },
        };
        return Task.CompletedTask;
    }

    public static Task Operation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var d = context.Description;
        if (AccessTable.Find(d.HttpMethod ?? "GET", d.RelativePath ?? "") is not { Anyone: false } access) return Task.CompletedTask;
        var doc = context.Document;
        operation.Security = [.. new[] { Bearer, ApiKeyHeader, Cookie }.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, doc)] = [] })];
        operation.Description = ((operation.Description is { Length: > 0 } t ? t + " " : "") +
                                 $"Roles: {string.Join(", ", access.Roles.Select(r => r.WireName()))}{(access.OwnOperator ? " (an operator: its own operator only)" : "")}.");
        return Task.CompletedTask;
    }
}
