namespace Dala.Fibre.Reduction;

/// <summary>One reduction test: edits the graph without changing the optimum (less its fixed cost); returns how many edits.</summary>
internal interface IReduction
{
    int Apply(WorkGraph g);
}
