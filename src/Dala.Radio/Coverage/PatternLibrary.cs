using Dala.Radio.Link;

namespace Dala.Radio.Coverage;

/// <summary>
/// Antenna patterns by the name a sector gives: "3gpp" (the 3GPP parabolic sector model, planning preset), "omni",
/// or the file name of an MSI/Planet pattern in the patterns folder.
/// </summary>
public sealed class PatternLibrary(string? folder = null)
{
    private readonly Dictionary<string, IAntennaPattern> _loaded = new(StringComparer.OrdinalIgnoreCase)
    {
        ["3gpp"] = ThreeGppSectorPattern.Planning,
        ["omni"] = OmniPattern.Instance,
    };

    /// <summary>The pattern, or a clear error when a file is named that the folder does not hold.</summary>
    public IAntennaPattern Get(string name)
    {
        lock (_loaded)
        {
            if (_loaded.TryGetValue(name, out var p)) return p;
            if (folder is null)
                throw new ArgumentException($"antenna pattern '{name}' is neither 3gpp nor omni, and no patterns folder was given");
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) throw new ArgumentException($"antenna pattern '{name}' is not in {folder}");
            return _loaded[name] = MsiPatternReader.Load(path);
        }
    }
}
