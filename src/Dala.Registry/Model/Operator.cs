namespace Dala.Registry.Model;

public sealed record Operator(string Id, string Name);
