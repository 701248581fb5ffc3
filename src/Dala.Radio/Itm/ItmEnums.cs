namespace Dala.Radio.Itm;

/// <summary>ITM's radio climates (numbered as in NTIA's ITM and the CSV layouts).</summary>
public enum RadioClimate
{
    Equatorial = 1,
    ContinentalSubtropical = 2,
    MaritimeSubtropical = 3,
    Desert = 4,
    ContinentalTemperate = 5,
    MaritimeTemperateOverLand = 6,
    MaritimeTemperateOverSea = 7,
}

public enum Polarization
{
    Horizontal = 0,
    Vertical = 1,
}

/// <summary>How carefully a terminal was sited (area mode): careful siting puts antennas on local high ground.</summary>
public enum SitingCriteria
{
    Random = 0,
    Careful = 1,
    VeryCareful = 2,
}

/// <summary>How time, location and situation variability combine (the low digit of ITM's mdvar).</summary>
public enum VariabilityMode
{
    /// <summary>One link, one message: the three variabilities merge into one confidence.</summary>
    SingleMessage = 0,
    /// <summary>Interference that matters only when it happens: location and situation merge.</summary>
    Accidental = 1,
    /// <summary>A mobile link: time and location merge into reliability.</summary>
    Mobile = 2,
    /// <summary>Broadcast: time, location and situation stay separate.</summary>
    Broadcast = 3,
}
