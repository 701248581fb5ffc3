using Dala.Platform.Jobs;

namespace Dala.Web.Dto;

public static class JobDtoMapping
{
    public static JobDto ToDto(this JobRecord j) => new(j.Id, j.Kind, j.Status.WireName(), j.Phase, j.Progress, j.CreatedAt, j.StartedAt, j.FinishedAt,
        j.Error, j.Result is { } r ? new JobResultDto(r.PlanId, r.Href) : null);
}
