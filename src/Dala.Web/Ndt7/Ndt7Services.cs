using Dala.Geo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dala.Web.Ndt7;

/// <summary>
/// Registers the ndt7 server. Extension points are replaced by registering them before this call (or after: the
/// last registration wins): <see cref="INdt7ResultSink"/> (default <see cref="InMemoryNdt7Results"/>) and
/// <see cref="INdt7Access"/> (tokens from the settings when there are any, else everyone).
/// </summary>
public static class Ndt7Services
{
    public static IServiceCollection AddNdt7(this IServiceCollection services, IClock clock, Ndt7Settings? settings = null)
    {
        var s = (settings ?? Ndt7Settings.Default).Validated();
        services.AddSingleton(s);
        services.TryAddSingleton(clock);
        services.TryAddSingleton(new Ndt7Capacity(s.Capacity, s.MaxPerAddress));
        services.TryAddSingleton<InMemoryNdt7Results>();
        services.TryAddSingleton<INdt7ResultSink>(sp => sp.GetRequiredService<InMemoryNdt7Results>());
        services.TryAddSingleton<INdt7Access>(s.AccessTokens.Count > 0 ? new TokenNdt7Access(s.AccessTokens) : new AllowAllNdt7Access());
        services.TryAddSingleton<Ndt7Handler>();
        return services;
    }
}
