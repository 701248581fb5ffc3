using System.Security.Cryptography;

namespace Dala.Web.Ndt7;

/// <summary>The download's payload: generated once per server, sliced for every message, never written again.</summary>
public static class RandomPayload
{
    public static byte[] Create(int length)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        RandomNumberGenerator.Fill(bytes);
        return bytes;
    }
}
