using AfterSales.Cloud.Sla;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

/// <summary>The figures of the SLA policy; zones and calendar are checked where they are parsed (start-up names the zone).</summary>
internal sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options) => new OptionChecks(SlaOptions.Section)
        .Range(nameof(options.AcknowledgeMinutes), options.AcknowledgeMinutes, 1, 24 * 60)
        .Range(nameof(options.ResolutionHoursAfterArrival), options.ResolutionHoursAfterArrival, 0.1, 24 * 30)
        .Require(nameof(options.WarningPercents), options.WarningPercents.All(p => p is > 0 and < 100), $"are [{string.Join(", ", options.WarningPercents)}]; each must be between 1 and 99 (100 % is the breach).")
        .Require(nameof(options.Bands), options.Bands.All(b => b.MaxKm > 0 && b.ArrivalHours > 0 && !string.IsNullOrWhiteSpace(b.Zone)), "has a band without a Zone, or with MaxKm or ArrivalHours not above 0.")
        .Result();
}
