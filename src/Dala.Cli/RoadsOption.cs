using Dala.Fibre.Osm;
using Dala.Fibre.Roads;

namespace Dala.Cli;

/// <summary>Loads an OSM road file for a command, turning its format errors into one-line CLI errors.</summary>
public static class RoadsOption
{
    /// <summary>The classes planning follows by default: the paved and minor roads, and tracks (aerial cable is cheap along them).</summary>
    public const string DefaultClasses = "roads,track";

    /// <summary>Reads a comma list of OSM highway values (links count as their road), 'rail', and 'roads' for motorway to residential.</summary>
    public static RoadSelection Classes(string text)
    {
        var selection = RoadSelection.Of();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name == "roads")
            {
                foreach (var c in RoadSelection.Default.Classes) selection = selection.With(c);
                continue;
            }
            var cls = name == "rail" ? RoadClass.Rail : RoadClasses.FromHighway(name)
                ?? throw new CliException($"--road-classes: '{name}' is not one of roads (motorway to residential), motorway, trunk, primary, secondary, tertiary, unclassified, residential, living_street, service, track, rail");
            selection = selection.With(cls);
        }
        return selection.Classes.Any() ? selection : throw new CliException("--road-classes: name at least one class");
    }

    public static RoadNetwork Load(CliContext ctx, string path, CostBook costs, RoadSelection selection)
    {
        try
        {
            var network = ProgressDisplay.Run(ctx, "read roads", _ => RoadNetwork.Load(OsmFile.Open(path), selection, costs));
            ctx.OutText.WriteLine($"roads: {network.NodeCount:N0} junctions, {network.EdgeCount:N0} stretches, {network.TotalKm:N0} km of {selection} from {Path.GetFileName(path)}");
            return network;
        }
        catch (OsmFormatException e)
        {
            throw new CliException(e.Message, ExitCodes.Rejected);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new CliException(e.Message, ExitCodes.Rejected);
        }
    }
}
