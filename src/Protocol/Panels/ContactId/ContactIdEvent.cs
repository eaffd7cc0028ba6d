namespace AfterSales.Protocol.Panels.ContactId;

/// <summary>
/// One Ademco Contact ID event (SIA DC-05): <c>ACCT MT Q XYZ GG CCC</c>, without the check digit.
/// </summary>
/// <param name="Account">Four digits; B–F are allowed, as panels use hex accounts.</param>
/// <param name="MessageType">18 (preferred) or 98 (optional).</param>
/// <param name="Qualifier">1 new event or opening, 3 restore or closing, 6 previously reported still present.</param>
/// <param name="EventCode">The three-digit event code, 100–999.</param>
/// <param name="Group">Partition or group number, 0–99.</param>
/// <param name="Zone">Zone or user number, 0–999.</param>
public sealed record ContactIdEvent(string Account, int MessageType, int Qualifier, int EventCode, int Group, int Zone)
{
    public const int QualifierNew = 1;
    public const int QualifierRestore = 3;
    public const int QualifierStatus = 6;
}
