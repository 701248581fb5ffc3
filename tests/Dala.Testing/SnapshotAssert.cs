using Dala.Registry.Store;
using Xunit;

namespace Dala.Testing;

public static class SnapshotAssert
{
    /// <summary>The store holds exactly what it held: same revision and the same rows in every table.</summary>
    public static void Same(RegistrySnapshot before, RegistrySnapshot after)
    {
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.Regions.Select(r => (r.Code, r.Name, r.Area?.AsText())), after.Regions.Select(r => (r.Code, r.Name, r.Area?.AsText())));
        Assert.Equal(before.Settlements, after.Settlements);
        Assert.Equal(before.Operators, after.Operators);
        Assert.Equal(before.Connectivity, after.Connectivity);
        Assert.Equal(before.Kato, after.Kato);
        Assert.Equal(before.Sources, after.Sources);
        Assert.Equal(before.Outline?.AsText(), after.Outline?.AsText());
    }
}
