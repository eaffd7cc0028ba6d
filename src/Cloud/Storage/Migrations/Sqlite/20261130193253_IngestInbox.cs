using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IngestInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IngestInbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestInbox", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IngestInbox");
        }
    }
}
