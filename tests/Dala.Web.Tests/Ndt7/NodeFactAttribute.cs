namespace Dala.Web.Tests.Ndt7;

/// <summary>A fact that needs Node.js: skipped, with the reason shown, when <c>node</c> is not on PATH, unless CI=true
/// (where a missing node is a failure, not a skip).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeHarness.NodePath() is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "node is not on PATH: the official ndt7 JavaScript client cannot run (CI=true makes this a failure)";
    }
}
