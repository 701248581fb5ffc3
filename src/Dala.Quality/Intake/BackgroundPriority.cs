using System.Runtime.InteropServices;

namespace Dala.Quality.Intake;

/// <summary>
/// Lowers the calling thread's scheduling priority (Linux nice +5) for the intake's reader and builders. They produce
/// ahead of the writer within a bounded queue; on two cores they would otherwise take the core that the writer, or the
/// database server it feeds, needs at that moment. .NET's <see cref="Thread.Priority"/> does nothing on Linux, so this
/// calls setpriority(2) on the thread's own id (raising one's own niceness needs no privilege). Anywhere else, or if
/// the call fails, the thread simply keeps its priority.
/// </summary>
internal static class BackgroundPriority
{
    private const int Nice = 5;

    public static void Lower()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = SetPriority(0, GetTid(), Nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // not glibc: the thread keeps its priority
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
