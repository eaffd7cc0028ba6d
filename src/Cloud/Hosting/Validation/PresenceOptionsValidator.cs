using AfterSales.Cloud.Presence;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class PresenceOptionsValidator : IValidateOptions<PresenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PresenceOptions options) => new OptionChecks(PresenceOptions.Section)
        .Range(nameof(options.SweepIntervalSeconds), options.SweepIntervalSeconds, 1, 3600)
        .Range(nameof(options.OfflineAfterSeconds), options.OfflineAfterSeconds, 1, 86400)
        .Require(nameof(options.OfflineAfterSeconds), options.OfflineAfterSeconds > options.SweepIntervalSeconds, $"({options.OfflineAfterSeconds}) must be longer than Gateways:SweepIntervalSeconds ({options.SweepIntervalSeconds}).")
        .Range(nameof(options.MassSilencePercent), options.MassSilencePercent, 1, 100)
        .Range(nameof(options.MassSilenceMinimum), options.MassSilenceMinimum, 1, 1_000_000)
        .Result();
}
