namespace Dala.Registry.Model;

/// <summary>One file or package that data in the store came from.</summary>
public sealed record DatasetSource(string Kind, string Name, string Sha256, DateTimeOffset ImportedAt, int Rows, bool Synthetic);
