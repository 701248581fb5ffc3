namespace Dala.Rollout.Plans;

/// <summary>Where rollout plans are kept (declared here, implemented by every store).</summary>
public interface IPlanStore
{
    /// <summary>Saves a plan whole in one transaction; returns its id. A plan with the same name is kept too (names are labels, ids are keys).</summary>
    long SavePlan(RolloutPlan plan);

    /// <summary>Every plan's header (no settlements, fibre or sites), newest first.</summary>
    IReadOnlyList<RolloutPlan> ListPlans();

    /// <summary>One plan whole, or null when there is none with that id.</summary>
    RolloutPlan? GetPlan(long id);

    /// <summary>Deletes a plan; false when there was none.</summary>
    bool DeletePlan(long id);
}
