using System.Text.Json.Serialization;

namespace AfterSales.Cloud.Sla;

/// <summary>Which clock a contract's deadlines run on (docs/service-rules.md §1.8); by name in JSON ("AroundTheClock").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContractClock>))]
public enum ContractClock
{
    /// <summary>The company rule: severity chooses (docs/service-rules.md §1.7).</summary>
    BySeverity,

    /// <summary>Every severity around the clock, minor faults included (24 小时全天候).</summary>
    AroundTheClock,

    /// <summary>Every severity on the company's business-hours calendar.</summary>
    BusinessHours,
}
