namespace Dala.Fibre.Osm;

/// <summary>The protobuf wire types (the low 3 bits of a field key); 6 and 7 are invalid.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}

/// <summary>Malformed protobuf data at a byte <see cref="Position"/> of the buffer being decoded.</summary>
internal sealed class ProtoException(int position, string problem) : FormatException(problem)
{
    public int Position { get; } = position;

    public string Problem { get; } = problem;
}
