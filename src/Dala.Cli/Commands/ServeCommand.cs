using System.CommandLine;
using Dala.Registry.Query;
using Dala.Registry.Scenario;
using Dala.Registry.Seed;
using Dala.Registry.Store;
using Dala.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dala.Cli.Commands;

/// <summary>dala serve — seeds an empty store from the registry packages and serves the web app and API.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Build(StoreOption store, CliContext ctx)
    {
        var urls = new Option<string>("--urls") { Description = $"Address(es) to listen on, ';'-separated. Default: {DefaultUrls}", HelpName = "URLS", DefaultValueFactory = _ => DefaultUrls };
        var noScenario = new Option<bool>("--no-scenario") { Description = "When seeding an empty store, do not add the SYNTHETIC connectivity scenario" };
        var targets = TargetsOption.Create();
        var operators = OperatorsOption.Create();
        var basemap = BasemapOption.Create();
        var logFormat = new Option<string>("--log-format")
        {
            Description = "Log format: text, or json (one JSON object per line, for a log collector)", HelpName = "KIND",
            DefaultValueFactory = _ => "text",
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var ndt7 = new Ndt7Options();
        // Not an option: taken only to point at --urls (a user's first guess at a port).
        var port = new Option<string?>("--port") { Hidden = true };
        var cmd = new Command("serve", "Serve the web app (map, dashboard) and the REST API; an empty store is first seeded " +
                                       "from GeoNames cities500 and world-atlas, with the SYNTHETIC connectivity scenario.")
            { urls, noScenario, targets, operators, basemap, logFormat, port };
        foreach (var o in ndt7.All) cmd.Options.Add(o);
        cmd.SetAction(async (r, cancel) =>
        {
            if (r.GetValue(port) is { } p)
                throw new CliException($"--port is not an option of dala serve: use --urls http://127.0.0.1:{(int.TryParse(p, out var n) ? n : 8080)}");
            // The options and their files first: a bad one is refused before the store is created or seeded.
            var ndt7Settings = ndt7.Read(r, ctx);
            var targetList = TargetsOption.Read(r, targets, ctx);
            var operatorList = OperatorsOption.Read(r, operators, ctx);
            var basemapSource = BasemapOption.Read(r, basemap, ctx);
            var s = store.Open(r, ctx);
            SeedIfEmpty(s, ctx, withScenario: !r.GetValue(noScenario));
            var settings = new DalaWebSettings(s, ctx.Clock, targetList, StoreOption.Coverage(s), StoreOption.Measurements(s))
            {
                Operators = operatorList,
                Basemap = basemapSource,
                Ndt7 = ndt7Settings,
                Plans = StoreOption.Plans(s),
                Calibrations = StoreOption.Calibrations(s),
                JobStore = StoreOption.Jobs(s),
                Cases = new Quality.Cases.CaseDesk(StoreOption.Cases(s), Quality.Cases.FineSchedule.Default, ctx.Clock),
                Obligations = StoreOption.Obligations(s),
                Claims = StoreOption.Claims(s),
                Events = StoreOption.Events(s),
                Accounts = StoreOption.Accounts(s),
                Audit = StoreOption.Audit(s),
                Indicators = StoreOption.Indicators(s),
                Permits = StoreOption.Permits(s),
            };
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls(r.GetValue(urls)!);
            if (r.GetValue(logFormat) == "json")
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddJsonConsole(o => { o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; o.UseUtcTimestamp = true; });
            }
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
            // A port already in use is said in one line (below), not as the server's stack traces.
            // (Kestrel logs a failed start as critical, the host as an error: both are that failure, said once by us.)
            builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level is >= LogLevel.Warning and < LogLevel.Critical);
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level is >= LogLevel.Warning and < LogLevel.Error);
            var app = DalaWeb.Build(builder, settings);
            var dataset = DatasetDescription.Of(s.ReadSnapshot());
            ctx.Out.WriteLine($"Dala: serving \"{dataset.Name}\" from {s.Describe()} on {r.GetValue(urls)}");
            if (dataset.Synthetic) ctx.Out.WriteLine("      connectivity is a SYNTHETIC scenario (dala scenario clear removes it)");
            if (BasemapOption.Describe(basemapSource) is { } basemapLine) ctx.Out.WriteLine("      basemap: " + basemapLine);
            ctx.Out.WriteLine($"      ndt7 speed tests: at most {ndt7Settings.Capacity} at once" +
                              (ndt7Settings.MaxPerAddress > 0 ? $" and {ndt7Settings.MaxPerAddress} per client address, " : ", ") +
                              (ndt7Settings.AccessTokens.Count > 0 ? $"only with an access token ({ndt7Settings.AccessTokens.Count} configured)" : "open to all"));
            if (settings.Accounts!.Users().Count == 0 && settings.Accounts.Keys().Count == 0)
                ctx.Out.WriteLine("      no users or keys yet: everyone reads, nobody writes; add the first admin with " +
                                  "dala users add admin --role admin --password-stdin");
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync();
                throw new CliException($"--urls {r.GetValue(urls)}: the address is already in use (another server on it?); " +
                                       "choose another, e.g. --urls http://127.0.0.1:8090", ExitCodes.Rejected);
            }
            await app.WaitForShutdownAsync(cancel);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static void SeedIfEmpty(IRegistryStore store, CliContext ctx, bool withScenario)
    {
        if (!store.ReadSnapshot().IsEmpty) return;
        var packages = SeedPackages.Locate(ctx);
        var n = new DefaultSeed(store, ctx.Clock).SeedIfEmpty(packages.CitiesPath, packages.CountriesPath, packages.CitiesLabel, packages.CountriesLabel);
        if (n == 0) return;
        ctx.Out.WriteLine($"Seeded the empty store with {n:N0} settlements from {packages.CitiesLabel} and the {packages.CountriesLabel}.");
        var indicators = StoreOption.Indicators(store);
        if (indicators.Read().IsEmpty) indicators.Save(Registry.Indicators.DefaultIndicators.All);
        if (!withScenario) return;
        var result = new SyntheticScenario(store, ctx.Clock).Seed();
        ctx.Out.WriteLine($"Added the SYNTHETIC connectivity scenario: {result.RuralOnFibre:N0} of {result.Rural:N0} rural settlements on fibre.");
    }
}
