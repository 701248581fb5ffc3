namespace Dala.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    /// <summary>The input was rejected; nothing was written.</summary>
    public const int Rejected = 2;
    /// <summary>The store could not be used.</summary>
    public const int Store = 3;
}
