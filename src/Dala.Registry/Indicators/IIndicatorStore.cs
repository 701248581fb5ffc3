namespace Dala.Registry.Indicators;

/// <summary>
/// Where indicators and their reported values are kept (declared here, implemented by every store). Derived values are
/// never stored: <see cref="DerivedIndicators"/> computes them from the registry and the latest plan when asked.
/// </summary>
public interface IIndicatorStore
{
    /// <summary>Every indicator (by id) and every stored value (by indicator, region, date).</summary>
    IndicatorSet Read();

    /// <summary>
    /// Saves in one transaction: an indicator whose fields differ from the stored one replaces it; a value whose
    /// (indicator, region, date) is stored already replaces it when anything differs. Every value's indicator must be in
    /// <paramref name="set"/> or stored already (else <see cref="Store.StoreException"/> and nothing is written).
    /// </summary>
    IndicatorSaveResult Save(IndicatorSet set);
}
