namespace Dala.Registry.Indicators;

/// <summary>
/// The programme's headline figures as a cited default set (issue 13, "Why"). The figures are quoted as the government's
/// programme documents give them; those documents are not in the repository, so each citation names the document we assume
/// the figure comes from and says, in <see cref="IndicatorPoint.Note"/> or the target source, where the exact citation
/// (document, page, date) is uncertain. Dates: a year's figure is dated its last day, a half-year's the half's last day.
/// </summary>
public static class DefaultIndicators
{
    /// <summary>Who stores the defaults (the actor of `dala indicators seed`).</summary>
    public const string Actor = "dala-defaults";

    /// <summary>The programme documents the figures are quoted from.</summary>
    public const string Programme =
        "Government of Kazakhstan, broadband programme documents (2021-2022), as quoted in Dala issue 13";

    private const string Uncertain = "exact citation uncertain: the programme document, page and date are assumed, not checked";

    private const string NationalProject =
        "National project \"Technological breakthrough through digitalisation, science and innovation\" (2021-2025), assumed; " + Uncertain;

    public static readonly IReadOnlyList<Indicator> Indicators =
    [
        new("internet-users", "Internet users, share of the population", "%", 88, new DateOnly(2025, 12, 31), NationalProject),
        new("digital-literacy", "Digital literacy, share of the population", "%", 83, new DateOnly(2025, 12, 31), NationalProject),
        new("traffic", "Internet traffic", "PB"),
        new("traffic-growth", "Internet traffic growth: first half of 2021 on all of 2020", "%"),
        new("base-stations-built", "Base stations built in the year", "base stations"),
        new("fibre-km-ppp", "Fibre built by public-private partnership in the year", "km"),
        new("fibre-km-total", "Fibre-optic lines in all", "km"),
        new("coverage-claimed", "Mobile broadband coverage claimed, share of the population", "%"),
        new("speedtest-rank-mobile", "Speedtest Global Index place, mobile (lower is better)", "place"),
        new("speedtest-rank-fixed", "Speedtest Global Index place, fixed broadband (lower is better)", "place"),
        new("settlements-connected-plan", "Settlements to connect in one year's plan", "settlements"),
        new("settlements-on-fibre", "Rural settlements on fibre", "settlements"),
        new("rural-settlements", "Rural settlements in all", "settlements"),
    ];

    public static readonly IReadOnlyList<IndicatorPoint> Points =
    [
        P("traffic", 2021, 6, 30, 7900, "traffic in the first half of 2021"),
        P("traffic-growth", 2021, 6, 30, 15, "stated as +15% on all of 2020; whether the half-year or an annualised figure is compared is not said"),
        P("base-stations-built", 2020, 12, 31, 1000, "stated as 1,000+ (a lower bound)"),
        P("fibre-km-ppp", 2020, 12, 31, 20000, "built by PPP in 2020"),
        P("fibre-km-total", 2021, 12, 31, 120000, "stated as 120,000 km in all; the as-of date is assumed (end-2021)"),
        P("coverage-claimed", 2021, 12, 31, 99, "claimed in 2021"),
        new("speedtest-rank-mobile", IndicatorPoint.National, new DateOnly(2021, 12, 31), 80,
            "Ookla Speedtest Global Index, as quoted by " + Programme, "https://www.speedtest.net/global-index",
            Note: "80th for mobile in 2021; the month of the index is not said (end-2021 assumed)"),
        new("speedtest-rank-fixed", IndicatorPoint.National, new DateOnly(2021, 12, 31), 65,
            "Ookla Speedtest Global Index, as quoted by " + Programme, "https://www.speedtest.net/global-index",
            Note: "65th for fixed broadband in 2021; the month of the index is not said (end-2021 assumed)"),
        P("settlements-connected-plan", 2021, 12, 31, 5163, "5,163 settlements in one year's plan; which year is not said (2021 assumed)"),
        P("settlements-on-fibre", 2022, 12, 31, 2606, "2,606 of 6,179 rural settlements on fibre \"now\"; the as-of date is assumed (end-2022)"),
        P("rural-settlements", 2022, 12, 31, 6179, "the as-of date is assumed (end-2022)"),
    ];

    public static IndicatorSet All => new(Indicators, Points);

    private static IndicatorPoint P(string id, int y, int m, int d, double value, string note) =>
        new(id, IndicatorPoint.National, new DateOnly(y, m, d), value, Programme, Note: note + "; " + Uncertain);
}
