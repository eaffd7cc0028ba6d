namespace AfterSales.Cloud.Inspections;

public enum ItemResult
{
    Pending,
    Pass,
    Fail,
    NotApplicable,
}
