namespace Dala.Rollout;

/// <summary>
/// The rollout planner: for every settlement a technology (fibre, 4G/5G, fixed wireless, LEO satellite), a year
/// and a cost that reach the national targets, with a lower bound on the optimum.
/// </summary>
public static class RolloutModule
{
    public const string Name = "Dala.Rollout";
}
