namespace AfterSales.Cloud.Sla;

/// <summary>
/// The service terms of the contract in force for a site; each figure set overrides the company's
/// default for that site (docs/service-rules.md §1.8). <see cref="Contract"/> names the contract
/// so the ticket's audit can say which one set its deadlines.
/// </summary>
public sealed record ContractTerms(
    string Contract,
    double? AcknowledgeMinutes,
    double? ArrivalHours,
    double? ResolutionHours,
    ContractClock Clock);
