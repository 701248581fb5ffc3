using Dala.Quality.Model;

namespace Dala.Quality.Intake;

/// <summary>
/// What quarantine keeps of a line and its reasons: no whole client address (<see cref="NetworkAddress.Mask"/>), no NUL
/// (a store's text cannot hold one), at most 200 characters (<see cref="RawLine.Clip(string)"/>).
/// </summary>
internal static class KeptText
{
    /// <summary>How much of a long line is looked at before masking (masking a clipped line could miss an address cut in two).</summary>
    private const int Window = 1000;

    public static string Of(InputLine line) => RawLine.Clip(Clean(line.Text.Length > Window ? line.Text[..Window] : line.Text));

    public static string Reason(string reason) => Clean(reason);

    private static string Clean(string text) => NetworkAddress.Mask(text).Replace('\0', '\uFFFD');
}
