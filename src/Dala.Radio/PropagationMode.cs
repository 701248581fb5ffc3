namespace Dala.Radio;

/// <summary>The dominant propagation mechanism of a path (numbered as in NTIA's ITM).</summary>
public enum PropagationMode
{
    NotSet = 0,
    LineOfSight = 1,
    Diffraction = 2,
    Troposcatter = 3,
}
