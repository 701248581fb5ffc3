namespace Dala.Registry.Model;

/// <summary>One entry of KATO, the official administrative-territorial classifier.</summary>
public sealed record KatoUnit(int Id, int ParentId, string Code, string Name)
{
    /// <summary>The first two digits: the region (oblast or city) the unit lies in.</summary>
    public string RegionPrefix => Code[..2];
}
