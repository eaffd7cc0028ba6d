namespace AfterSales.Gateway.Inputs;

/// <summary>The <c>detail</c> of a fault from a dry-contact input: enough for a technician to find the wire.</summary>
internal sealed record InputFaultDetail(int Pin, string Input, string Contact);
