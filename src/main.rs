fn main() {
    care_assist::run();
}
