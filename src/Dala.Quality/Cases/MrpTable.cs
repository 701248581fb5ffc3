using System.Globalization;

namespace Dala.Quality.Cases;

/// <summary>One MRP value (monthly calculation index, tenge) in force from a date, with where it comes from.</summary>
public sealed record MrpValue(DateOnly From, int Tenge, string Source);

/// <summary>
/// The MRP (месячный расчётный показатель) in tenge by date. Fines are set in MRP; a fine uses the MRP in force on
/// the date of the decision, so its year is the decision's year (and within 2022 the date decides: 3,063 until
/// 31 March, 3,180 from 1 April). The defaults are the annual Laws on the republican budget; a file may replace them.
/// </summary>
public sealed record MrpTable(IReadOnlyList<MrpValue> Values)
{
    private const string Budget = "Law of the Republic of Kazakhstan on the republican budget for ";

    public static readonly MrpTable Default = new([
        new(new DateOnly(2022, 1, 1), 3_063, Budget + "2022-2024"),
        new(new DateOnly(2022, 4, 1), 3_180, Budget + "2022-2024, as amended (from 1 April 2022)"),
        new(new DateOnly(2023, 1, 1), 3_450, Budget + "2023-2025"),
        new(new DateOnly(2024, 1, 1), 3_692, Budget + "2024-2026"),
        new(new DateOnly(2025, 1, 1), 3_932, Budget + "2025-2027"),
        new(new DateOnly(2026, 1, 1), 4_325, Budget + "2026-2028"),
    ]);

    /// <summary>The value in force on a date; null before the first one (or beyond the table's year: values last one year).</summary>
    public MrpValue? On(DateOnly date)
    {
        var v = Values.Where(x => x.From <= date).OrderBy(x => x.From).LastOrDefault();
        return v is not null && v.From.Year == date.Year ? v : null;
    }

    public string Years => Values.Count == 0 ? "none" : string.Join(", ", Values.Select(v => v.From.Year).Distinct().Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
