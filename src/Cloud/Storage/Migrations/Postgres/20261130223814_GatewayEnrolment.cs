using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GatewayEnrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EnrolledAt",
                table: "Gateways",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EnrolmentExpiresAt",
                table: "Gateways",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnrolmentTokenHash",
                table: "Gateways",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_EnrolmentTokenHash",
                table: "Gateways",
                column: "EnrolmentTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Gateways_EnrolmentTokenHash",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "EnrolledAt",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "EnrolmentExpiresAt",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "EnrolmentTokenHash",
                table: "Gateways");
        }
    }
}
