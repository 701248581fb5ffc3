namespace Dala.Radio.Link;

/// <summary>One sector heard at the receiver: the sector, the path loss to the receiver (from any <see cref="IPropagationModel"/>) and the geometry.</summary>
public sealed record RadioLink(Sector Sector, double PathLossDb, LinkGeometry Geometry);
