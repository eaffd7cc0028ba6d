namespace AfterSales.Cloud.Notifications;

public static class Recipients
{
    public const string Supervisor = "supervisor";
    public const string Dispatcher = "dispatcher";

    public static string Technician(string id) => "technician:" + id;
}
