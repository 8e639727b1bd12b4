# A private network for the functions to reach Memorystore through a Serverless VPC Access
# connector. Nothing on it accepts traffic from outside: the only ingress rule denies it all.

resource "google_compute_network" "this" {
  project                 = var.project_id
  name                    = var.name
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "connector" {
  project                  = var.project_id
  region                   = var.region
  name                     = "${var.name}-connector"
  network                  = google_compute_network.this.id
  ip_cidr_range            = var.connector.cidr
  private_ip_google_access = true

  log_config {
    aggregation_interval = "INTERVAL_5_MIN"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_firewall" "deny_ingress" {
  project     = var.project_id
  name        = "${var.name}-deny-ingress"
  network     = google_compute_network.this.id
  description = "Nothing outside the network may open connections to it."
  direction   = "INGRESS"
  priority    = 65534

  source_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

resource "google_vpc_access_connector" "this" {
  project       = var.project_id
  region        = var.region
  name          = "${var.name}-connector"
  machine_type  = var.connector.machine_type
  min_instances = var.connector.min_instances
  max_instances = var.connector.max_instances

  subnet {
    name       = google_compute_subnetwork.connector.name
    project_id = var.project_id
  }
}
