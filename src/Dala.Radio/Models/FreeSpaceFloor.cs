using System.Globalization;

namespace Dala.Radio.Models;

/// <summary>
/// Free space is the floor every other model adds to (<see cref="FreeSpaceModel"/>): an empirical formula that predicts
/// less loss than free space is outside what it can mean, so the free-space loss is given instead, with a warning.
/// </summary>
internal static class FreeSpaceFloor
{
    public static PathLossResult Apply(double formulaDb, PathLossRequest request, string model)
    {
        var freeSpace = FreeSpaceModel.LossDb(request.DistanceKm, request.FrequencyMHz);
        if (formulaDb >= freeSpace) return new PathLossResult(formulaDb, PropagationMode.NotSet);
        var warning = string.Create(CultureInfo.InvariantCulture,
            $"{model} gives {formulaDb:0.0} dB, below the free-space loss {freeSpace:0.0} dB at {request.DistanceKm} km: the free-space loss is returned");
        return new PathLossResult(freeSpace, PropagationMode.NotSet) { Warnings = [warning] };
    }
}
