namespace Dala.Radio.Itm;

/// <summary>A quantity at both ends of a path.</summary>
public readonly record struct TerminalPair(double Tx, double Rx);
