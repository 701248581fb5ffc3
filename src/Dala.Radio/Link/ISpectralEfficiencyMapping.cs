namespace Dala.Radio.Link;

/// <summary>Link-level abstraction: spectral efficiency of one spatial layer at a given SINR.</summary>
public interface ISpectralEfficiencyMapping
{
    /// <summary>Throughput per layer, bit/s/Hz, at <paramref name="sinrDb"/>.</summary>
    double BitsPerSecondPerHz(double sinrDb);
}
