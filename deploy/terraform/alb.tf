################################################################################
# ALB: TLS termination and path routing (the gateway's route table and the web app, local.alb_routes)
################################################################################

resource "aws_lb" "main" {
  name               = local.name
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.alb.id]
  subnets            = module.vpc.public_subnets

  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  # Uploads of large videos stream through the ALB; keep idle connections open long enough for slow clients.
  idle_timeout = 300
}

resource "aws_lb_target_group" "service" {
  # Every public entry of local.services (the three API services and the gateway); ecs.tf attaches each to its service.
  for_each = { for name, service in local.services : name => service if service.public }

  name                 = "${local.name}-${each.key}"
  port                 = each.value.port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = module.vpc.vpc_id
  deregistration_delay = 30

  health_check {
    path                = "/q/health/ready"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.main.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  # Anything not in the route table, /internal/** and /oauth/token included, is not found.
  default_action {
    type = "fixed-response"

    fixed_response {
      # An ALB fixed response may only be text/plain, text/css, text/html, application/javascript or
      # application/json (AWS refuses problem+json), so the problem shape is sent as application/json.
      content_type = "application/json"
      message_body = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "route" {
  for_each = local.alb_routes

  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service[each.value.service].arn
  }

  condition {
    path_pattern {
      # "/x/**" means /x itself and everything below it, as in the gateway.
      values = endswith(each.key, "/**") ? [trimsuffix(each.key, "/**"), "${trimsuffix(each.key, "/**")}/*"] : [each.key]
    }
  }
}
