using AfterSales.Cloud.Dispatch;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options) => new OptionChecks(DispatchOptions.Section)
        .Range(nameof(options.TravelSpeedKmh), options.TravelSpeedKmh, 1, 300)
        .Range(nameof(options.MinutesPerQueuedJob), options.MinutesPerQueuedJob, 0, 24 * 60)
        .Range(nameof(options.AcceptWithinMinutes), options.AcceptWithinMinutes, 0.01, 24 * 60)
        .Range(nameof(options.LocationFreshMinutes), options.LocationFreshMinutes, 0, 7 * 24 * 60)
        .Result();
}
