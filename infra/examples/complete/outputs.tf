output "function_urls" {
  description = "HTTPS address of each function."
  value       = module.instatag.function_urls
}

output "model_bucket" {
  description = "Bucket `instatag build` publishes the models to."
  value       = module.instatag.model_bucket
}

output "graph_token_secret" {
  description = "Secret to add the Graph API token to."
  value       = module.instatag.graph_token_secret
}
