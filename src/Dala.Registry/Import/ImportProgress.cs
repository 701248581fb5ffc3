namespace Dala.Registry.Import;

/// <summary>Where a long import is: a named phase and how much of it is done.</summary>
public readonly record struct ImportProgress(string Phase, long Done, long Total);
