using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Registry.Store;

namespace Dala.Registry.Tests.Query;

/// <summary>The text of a settlement query: the id, a name in any script or spelling, or a KATO code and its prefixes.</summary>
public class TextQueryTests
{
    private static Settlement S(string id, Names names, string? kato) =>
        new(id, names, SettlementKind.Village, Population.Unknown, new LonLat(70, 50), "KZ-11", kato, "test");

    private static readonly RegistryView View = new(new RegistrySnapshot(1, [new Region("KZ-11", new Names("Akmola"), null, "t")],
        [S("a", new Names("Ақкөл", Ru: "Акколь", En: "Akkol"), "115630100"), S("b", new Names("Береке"), "113233100"), S("c", new Names("No code 1156"), null)],
        [], [], [], [], null, null), new DateOnly(2026, 11, 21));

    private static string[] Find(string text) => [.. View.Filter(new SettlementQuery(Text: text)).Select(s => s.Id)];

    [Theory]
    [InlineData("115630100", "a")]
    [InlineData("1156", "a,c")]
    [InlineData("11", "a,b,c")]
    [InlineData("113233100", "b")]
    [InlineData("1", "c")]
    [InlineData("1156301000", "")]
    [InlineData("aqköl", "a")]
    [InlineData("АККОЛЬ", "a")]
    public void Text_matches_names_in_any_script_and_kato_prefixes_of_two_to_nine_digits(string text, string ids) =>
        Assert.Equal(ids, string.Join(',', Find(text)));
}
