using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options) => new OptionChecks(LifecycleOptions.Section)
        .Range(nameof(options.SelfRestoreGraceMinutes), options.SelfRestoreGraceMinutes, 0, 24 * 60)
        .Range(nameof(options.FlapRaises), options.FlapRaises, 2, 1000)
        .Range(nameof(options.FlapWindowMinutes), options.FlapWindowMinutes, 1, 7 * 24 * 60)
        .Range(nameof(options.RepeatWithinDays), options.RepeatWithinDays, 0, 365)
        .Result();
}
