namespace AfterSales.Cloud.Exports;

/// <summary>The two file types service managers open in Excel or WPS.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}
