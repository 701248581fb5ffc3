using Dala.Registry.Model;

namespace Dala.Web.Dto;

public sealed record NamesDto(string Local, string? Kk, string? Ru, string? En)
{
    public static NamesDto Of(Names n) => new(n.Local, n.Kk, n.Ru, n.En);
}
