output "function_urls" {
  description = "HTTPS address of each function, keyed by function name."
  value = {
    tags            = module.tags.uri
    captions        = module.captions.uri
    trending        = module.trending.uri
    scrape_dispatch = module.scrape_dispatch.uri
    scrape_worker   = module.scrape_worker.uri
    sync_cache      = module.sync_cache.uri
  }
}

output "function_service_accounts" {
  description = "Email of the account each function runs as, keyed by function name."
  value = {
    tags            = module.tags.service_account_email
    captions        = module.captions.service_account_email
    trending        = module.trending.service_account_email
    scrape_dispatch = module.scrape_dispatch.service_account_email
    scrape_worker   = module.scrape_worker.service_account_email
    sync_cache      = module.sync_cache.service_account_email
  }
}

output "model_bucket" {
  description = "Bucket `instatag build` publishes the models to (INSTATAG_GOOGLE__MODEL_BUCKET)."
  value       = module.model_bucket.name
}

output "firestore_database" {
  description = "Firestore database of the corpus and the trending counters."
  value       = google_firestore_database.this.name
}

output "corpus_updated_topic" {
  description = "Topic the scraper publishes to when the corpus changes."
  value       = google_pubsub_topic.corpus_updated.id
}

output "dead_letter_subscription" {
  description = "Subscription holding corpus-updated events sync_cache could not take."
  value       = google_pubsub_subscription.corpus_updated_dead_letter.id
}

output "tasks_queue" {
  description = "Cloud Tasks queue feeding scrape_worker."
  value       = google_cloud_tasks_queue.scrape.id
}

output "graph_token_secret" {
  description = "Secret to add the Graph API token to, as its latest version."
  value       = google_secret_manager_secret.graph_token.id
}

output "redis_host" {
  description = "Private address of Memorystore."
  value       = module.cache.host
}
