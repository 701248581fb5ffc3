using Dala.Quality.Cases;

namespace Dala.Quality.Tests.Cases;

/// <summary>A case store in memory, for the domain's tests (the real stores pass the contract tests in Dala.Storage.Tests).</summary>
internal sealed class MemoryCaseStore : ICaseStore
{
    private readonly List<QualityCase> _cases = [];

    public IReadOnlyList<long?> Open(IReadOnlyList<Violation> violations, CaseStep opened) =>
        violations.Select(v =>
        {
            if (_cases.Any(c => c.IsOpen && c.Violation.Key == v.Key)) return (long?)null;
            var c = new QualityCase(_cases.Count + 1, v, CaseState.Opened, [opened], null);
            _cases.Add(c);
            return c.Id;
        }).ToArray();

    public IReadOnlyList<QualityCase> List(CaseFilter filter) =>
        _cases.Where(c => (filter.State is null || c.State == filter.State) && (filter.Operator is null || c.Violation.Operator == filter.Operator))
            .OrderByDescending(c => c.Id).ToArray();

    public QualityCase? Get(long id) => _cases.FirstOrDefault(c => c.Id == id);

    public bool Append(long id, int stepsBefore, CaseStep step, Fine? fine)
    {
        var i = _cases.FindIndex(c => c.Id == id);
        if (i < 0 || _cases[i].Steps.Count != stepsBefore) return false;
        _cases[i] = _cases[i] with { State = step.State, Steps = [.. _cases[i].Steps, step], Fine = fine ?? _cases[i].Fine };
        return true;
    }
}
